/*
 * OCOP Hub office dashboard. Plain browser JavaScript, no libraries, nothing fetched from
 * outside the hub. Rules kept throughout:
 *  - every piece of text that came from the API (listing names, partners' reasons …) reaches
 *    the page through textContent / createTextNode only (see el()); no HTML strings are parsed;
 *  - the bearer token lives in sessionStorage and in the Authorization header, never in a URL.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'ocopHub.bearerToken';
  var REFRESH_MS = 10000;
  var VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

  var STATES = ['PENDING', 'SYNCED', 'PENDING_APPROVAL', 'REJECTED', 'FAILED', 'SKIPPED', 'WITHDRAWN'];
  var STATE_LABELS = {
    PENDING: ['Đang chờ', 'Pending'],
    SYNCED: ['Đã đồng bộ', 'Synced'],
    PENDING_APPROVAL: ['Chờ đối tác duyệt', 'Pending approval'],
    REJECTED: ['Bị từ chối', 'Rejected'],
    FAILED: ['Gửi thất bại', 'Failed'],
    SKIPPED: ['Bỏ qua', 'Skipped'],
    WITHDRAWN: ['Đã gỡ', 'Withdrawn']
  };
  var KIND_LABELS = {
    MARKETPLACE: ['Sàn TMĐT', 'Marketplace'],
    RETAIL_CHAIN: ['Chuỗi bán lẻ', 'Retail chain']
  };
  var GROUP_LABELS = {
    FOOD: 'Thực phẩm',
    BEVERAGE: 'Đồ uống',
    HERBAL: 'Dược liệu và sản phẩm từ dược liệu',
    HANDICRAFT: 'Hàng thủ công mỹ nghệ',
    ORNAMENTAL: 'Sinh vật cảnh',
    TOURISM: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch'
  };
  var TOGGLE_LABELS = { content: 'nội dung', price: 'giá', stock: 'tồn kho', orders: 'đơn hàng' };
  var STATUS_HINTS = {
    0: ['Không kết nối được tới hub', 'The hub could not be reached'],
    400: ['Yêu cầu không hợp lệ', 'Bad request'],
    401: ['Mã truy cập thiếu hoặc không đúng', 'Missing or unknown token'],
    403: ['Mã truy cập này không có quyền cho thao tác này', 'This token\'s role may not do this'],
    404: ['Không tìm thấy', 'Not found'],
    409: ['Xung đột phiên bản', 'Version conflict'],
    413: ['Dữ liệu gửi lên quá lớn', 'Too large'],
    500: ['Lỗi trong hub', 'Hub error']
  };

  // ---------------------------------------------------------------- DOM helpers

  function $(id) {
    return document.getElementById(id);
  }

  /**
   * Builds an element. Children may be nodes, strings or numbers (turned into text nodes, so
   * they are never parsed as HTML), arrays of those, or null/undefined (skipped).
   */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'className') {
          node.className = value;
        } else if (key === 'text') {
          node.textContent = String(value);
        } else if (key.indexOf('on') === 0 && typeof value === 'function') {
          node.addEventListener(key.substring(2), value);
        } else {
          node.setAttribute(key, String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  /** Vietnamese text with its English translation in smaller type. */
  function bilingual(vi, en) {
    return [vi, ' ', el('span', { className: 'en' }, en)];
  }

  function emptyRow(columns, vi, en) {
    return el('tr', null, el('td', { colspan: columns, className: 'muted' }, bilingual(vi, en)));
  }

  // ---------------------------------------------------------------- formatting

  function formatTime(iso) {
    if (!iso) {
      return '—';
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    try {
      return date.toLocaleString('vi-VN', {
        timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit'
      });
    } catch (e) {
      return date.toISOString();
    }
  }

  function formatNumber(n) {
    if (n === null || n === undefined) {
      return '—';
    }
    return typeof n === 'number' ? n.toLocaleString('vi-VN') : String(n);
  }

  function stars(n) {
    var count = Math.max(0, Math.min(5, Number(n) || 0));
    return el('span', { className: 'stars', title: count + ' sao / stars' }, '★'.repeat(count));
  }

  function stateBadge(state) {
    var known = STATE_LABELS[state];
    var cls = STATES.indexOf(state) >= 0 ? 'badge state-' + state : 'badge';
    return el('span', { className: cls, title: state },
      known ? known[0] : String(state), known ? el('small', null, known[1]) : null);
  }

  function nameOf(listing) {
    var name = listing && listing.name;
    return name && name.vi ? name.vi : '';
  }

  // ---------------------------------------------------------------- token

  function getToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (e) {
      return '';
    }
  }

  function setToken(token) {
    try {
      if (token) {
        sessionStorage.setItem(TOKEN_KEY, token);
      } else {
        sessionStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      // storage disabled: the token is then simply not remembered
    }
    showTokenState();
  }

  function showTokenState() {
    var state = clear($('token-state'));
    if (getToken()) {
      append(state, bilingual('Đã có mã cho phiên này.', 'Token set for this tab.'));
    } else {
      append(state, bilingual('Chưa có mã.', 'No token yet.'));
    }
  }

  // ---------------------------------------------------------------- API

  /** A failed call: the HTTP status (0 when the hub was unreachable) and the problem+json body if any. */
  function ApiError(status, problem, fallback) {
    this.status = status;
    this.problem = problem;
    this.fallback = fallback;
  }

  /**
   * Calls the hub. The token travels only in the Authorization header; `query` values are
   * URL-encoded here. Resolves with the parsed JSON, rejects with an ApiError.
   */
  function api(method, path, query) {
    var token = getToken();
    if (!token) {
      return Promise.reject(new ApiError(401, {
        title: 'Chưa nhập mã truy cập',
        detail: 'Dán mã (bearer token) ở ô phía trên. / Paste a bearer token above first.'
      }));
    }
    var url = path;
    if (query) {
      var parts = [];
      Object.keys(query).forEach(function (key) {
        var value = query[key];
        if (value !== null && value !== undefined && value !== '') {
          parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(value)));
        }
      });
      if (parts.length) {
        url += '?' + parts.join('&');
      }
    }
    return fetch(url, {
      method: method,
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json, application/problem+json' },
      cache: 'no-store',
      credentials: 'same-origin',
      redirect: 'error'
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        if (text) {
          try {
            body = JSON.parse(text);
          } catch (e) {
            body = null;
          }
        }
        if (!response.ok) {
          throw new ApiError(response.status, body && typeof body === 'object' ? body : null,
            response.statusText || text.substring(0, 200));
        }
        return body;
      });
    }, function (networkError) {
      throw new ApiError(0, null, String(networkError && networkError.message || networkError));
    });
  }

  /** Shows a problem+json answer readably: title, detail and every field error. */
  function showProblem(slot, error) {
    clear(slot);
    if (!(error instanceof ApiError)) {
      error = new ApiError(0, null, String(error && error.message || error));
    }
    var problem = error.problem || {};
    var hint = STATUS_HINTS[error.status] || (error.status >= 500 ? STATUS_HINTS[500] : STATUS_HINTS[400]);
    var box = el('div', { className: 'problem', role: 'alert' },
      el('p', { className: 'title' },
        error.status ? '[' + error.status + '] ' : '',
        hint[0], problem.title && problem.title !== hint[0] && problem.title !== hint[1] ? ': ' + String(problem.title) : '',
        ' ', el('span', { className: 'en' }, hint[1])),
      problem.detail || error.fallback
        ? el('p', { className: 'detail' }, String(problem.detail || error.fallback)) : null);
    if (Array.isArray(problem.errors) && problem.errors.length) {
      box.appendChild(el('ul', null, problem.errors.map(function (fieldError) {
        return el('li', null,
          el('span', { className: 'field' }, String(fieldError && fieldError.field || '$')), ': ',
          String(fieldError && fieldError.message || ''));
      })));
    }
    slot.appendChild(box);
  }

  // ---------------------------------------------------------------- (a) partners

  var partners = [];
  var partnersInFlight = false;

  function loadPartners() {
    if (partnersInFlight || !getToken()) {
      return Promise.resolve();
    }
    partnersInFlight = true;
    return api('GET', '/api/v1/partners').then(function (answer) {
      partners = answer && Array.isArray(answer.partners) ? answer.partners : [];
      clear($('partners-error'));
      renderPartners();
      fillPartnerSelects();
      var updated = clear($('partners-updated'));
      append(updated, bilingual('Cập nhật lúc ' + formatTime(new Date().toISOString()),
        'Updated'));
    }, function (error) {
      showProblem($('partners-error'), error);
    }).then(function () {
      partnersInFlight = false;
    });
  }

  function renderPartners() {
    var body = clear($('partners-body'));
    if (!partners.length) {
      body.appendChild(emptyRow(14, 'Chưa có đối tác nào được cấu hình', 'No partner configured'));
      return;
    }
    partners.forEach(function (p) {
      var kind = KIND_LABELS[p.kind];
      var toggles = p.toggles || {};
      var toggleText = Object.keys(TOGGLE_LABELS).filter(function (k) { return toggles[k]; })
        .map(function (k) { return TOGGLE_LABELS[k]; }).join(', ');
      var row = el('tr', { className: p.enabled ? null : 'off' },
        el('td', null,
          el('strong', null, String(p.displayName || p.partner)),
          el('div', { className: 'mono muted' }, String(p.partner))),
        el('td', null,
          kind ? bilingual(kind[0], kind[1]) : String(p.kind || ''),
          el('div', { className: 'muted', title: 'toggles' },
            toggleText ? 'Đồng bộ: ' + toggleText : 'Không đồng bộ gì')),
        el('td', { className: 'reason' },
          p.enabled
            ? el('span', { className: 'badge on' }, 'Đang chạy', el('small', null, 'enabled'))
            : [el('span', { className: 'badge off' }, 'Tắt', el('small', null, 'disabled')),
              el('div', { className: 'muted' }, String(p.disabledReason || ''))]));
      var counts = p.counts || {};
      STATES.forEach(function (state) {
        var n = counts[state] || 0;
        var cell = el('td', {
          className: 'num' + (n > 0 && (state === 'FAILED' || state === 'REJECTED') ? ' count-warn' : '')
        });
        if (n > 0) {
          cell.appendChild(el('button', {
            type: 'button', className: 'link', title: 'Xem danh sách / list them',
            onclick: function () { openList(p.partner, state); }
          }, formatNumber(n)));
        } else {
          cell.appendChild(document.createTextNode('0'));
        }
        row.appendChild(cell);
      });
      var queue = el('td', { className: 'num' }, formatNumber(p.queueDepth));
      if (p.priceStockQueued > 0) {
        // staged for the partner's next price/stock batch (Lazada): waiting, but no longer on the queue
        queue.appendChild(el('div', {
          className: 'muted', title: 'Giá/tồn kho chờ gửi theo lô / price and stock waiting for the next batch'
        }, '+' + formatNumber(p.priceStockQueued) + ' lô'));
      }
      row.appendChild(queue);
      var dlq = el('td', { className: 'num' + (p.deadLetterDepth > 0 ? ' count-warn' : '') });
      if (p.enabled && p.deadLetterDepth !== null && p.deadLetterDepth !== undefined) {
        dlq.appendChild(el('button', {
          type: 'button', className: 'link', title: 'Xem thư lỗi / show dead letters',
          onclick: function () { openDeadLetters(p.partner); }
        }, formatNumber(p.deadLetterDepth)));
      } else {
        dlq.appendChild(document.createTextNode('—'));
      }
      row.appendChild(dlq);
      row.appendChild(el('td', null, formatTime(p.lastSuccess)));
      row.appendChild(el('td', null, formatTime(p.lastFailure)));
      body.appendChild(row);
    });
  }

  function fillPartnerSelects() {
    fillSelect($('list-partner'), partners, '(tất cả sản phẩm / all listings)');
    fillSelect($('dlq-partner'), partners.filter(function (p) { return p.enabled; }), null);
  }

  function fillSelect(select, items, emptyLabel) {
    var current = select.value;
    clear(select);
    if (emptyLabel !== null) {
      select.appendChild(el('option', { value: '' }, emptyLabel));
    }
    items.forEach(function (p) {
      select.appendChild(el('option', { value: p.partner },
        String(p.displayName || p.partner) + ' (' + p.partner + ')'));
    });
    if (!items.length && emptyLabel === null) {
      select.appendChild(el('option', { value: '' }, '(không có đối tác đang chạy / none enabled)'));
    }
    if (current && items.some(function (p) { return p.partner === current; })) {
      select.value = current;
    }
  }

  function ensureOption(select, value) {
    var exists = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (!exists) {
      select.appendChild(el('option', { value: value }, value));
    }
    select.value = value;
  }

  // ---------------------------------------------------------------- (b) one listing

  function lookUp(ocopId) {
    ocopId = String(ocopId || '').trim();
    $('lookup-id').value = ocopId;
    var slot = $('lookup-error');
    if (!ocopId) {
      showProblem(slot, new ApiError(400, { title: 'Chưa nhập mã OCOP', detail: 'Enter an ocopId.' }));
      return;
    }
    clear(slot);
    api('GET', '/api/v1/listings/' + encodeURIComponent(ocopId)).then(function (listing) {
      renderListing(listing);
    }, function (error) {
      $('lookup-result').hidden = true;
      showProblem(slot, error);
    });
  }

  function fact(list, vi, en, value) {
    list.appendChild(el('dt', null, vi, el('span', { className: 'en' }, en)));
    list.appendChild(el('dd', null, value));
  }

  function renderListing(listing) {
    var facts = clear($('lookup-facts'));
    var name = listing.name || {};
    fact(facts, 'Mã OCOP', 'ocopId', el('span', { className: 'mono' }, String(listing.ocopId)));
    fact(facts, 'Tên sản phẩm', 'Name', [
      el('strong', null, String(name.vi || '')),
      name.en ? el('div', { className: 'en' }, String(name.en)) : null]);
    fact(facts, 'Hạng sao', 'Stars', [stars(listing.stars), ' ', String(listing.stars || ''),
      listing.potentialFiveStar ? ' — tiềm năng 5 sao (potential 5★)' : '']);
    fact(facts, 'Nhóm', 'Group', listing.group
      ? [GROUP_LABELS[listing.group] || String(listing.group), ' ', el('span', { className: 'en' }, String(listing.group))]
      : '—');
    fact(facts, 'Phiên bản / Lần sửa', 'Version / revision',
      'v' + formatNumber(listing.version) + ' / rev ' + formatNumber(listing.revision));
    if (listing.price) {
      fact(facts, 'Giá bán lẻ', 'Retail price', formatNumber(listing.price.retail) + ' ₫');
    }
    fact(facts, 'Tồn kho', 'Stock', [formatNumber(listing.stock), listing.unit ? ' ' + listing.unit : '']);
    if (listing.certification) {
      var c = listing.certification;
      fact(facts, 'Chứng nhận', 'Certificate', [String(c.decisionNo || ''), ' · ', String(c.level || ''),
        ' · hiệu lực đến (valid until) ', String(c.validUntil || '—'), ' · ', String(c.status || '')]);
    }
    if (listing.producer) {
      fact(facts, 'Chủ thể', 'Producer', String(listing.producer.name || listing.producer.id || ''));
    }
    fact(facts, 'Đã gỡ khỏi đối tác', 'Withdrawn', listing.withdrawn
      ? [el('span', { className: 'badge state-WITHDRAWN' }, 'Có', el('small', null, 'yes')), ' ',
        String(listing.withdrawnReason || '')]
      : el('span', { className: 'badge on' }, 'Không', el('small', null, 'no')));
    fact(facts, 'Cập nhật lúc', 'Updated', formatTime(listing.updatedAt));

    var body = clear($('lookup-partners'));
    var bindings = Array.isArray(listing.partners) ? listing.partners : [];
    if (!bindings.length) {
      body.appendChild(emptyRow(6, 'Không có đối tác', 'No partners'));
    }
    bindings.forEach(function (b) {
      var behind = b.deliveredVersion !== null && b.deliveredVersion !== undefined
        && listing.version !== undefined && b.deliveredVersion < listing.version;
      body.appendChild(el('tr', null,
        el('td', null, String(b.partner)),
        el('td', null, stateBadge(b.state)),
        el('td', { className: 'mono' }, b.partnerItemId ? String(b.partnerItemId) : '—'),
        el('td', { className: 'num' }, b.deliveredVersion === null || b.deliveredVersion === undefined
          ? '—' : ['v' + b.deliveredVersion, behind ? el('span', { className: 'en' }, ' (cũ / behind)') : null]),
        el('td', { className: 'reason' }, b.reason ? String(b.reason) : ''),
        el('td', null, formatTime(b.updatedAt))));
    });
    $('lookup-result').hidden = false;
  }

  // ---------------------------------------------------------------- (c) paged list

  var listQuery = { partner: '', state: '', page: 0 };

  function openList(partner, state) {
    ensureOption($('list-partner'), partner);
    $('list-state').value = state || '';
    listQuery = { partner: partner, state: state || '', page: 0 };
    loadList();
    $('list-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function syncStateSelect() {
    // the API needs a partner for a state filter
    var noPartner = !$('list-partner').value;
    $('list-state').disabled = noPartner;
    if (noPartner) {
      $('list-state').value = '';
    }
  }

  function loadList() {
    var slot = $('list-error');
    clear(slot);
    api('GET', '/api/v1/listings', {
      partner: listQuery.partner, state: listQuery.partner ? listQuery.state : '', page: listQuery.page
    }).then(function (answer) {
      renderList(answer || {});
    }, function (error) {
      showProblem(slot, error);
    });
  }

  function renderList(answer) {
    var body = clear($('list-body'));
    var items = Array.isArray(answer.items) ? answer.items : [];
    var page = typeof answer.page === 'number' ? answer.page : listQuery.page;
    if (!items.length) {
      body.appendChild(emptyRow(7, 'Không có sản phẩm nào', 'No listings'));
    }
    items.forEach(function (item) {
      var bindings = Array.isArray(item.partners) ? item.partners : [];
      var stateCell;
      var itemIdCell = '';
      var reasonCell = item.withdrawn ? String(item.withdrawnReason || '') : '';
      if (listQuery.partner) {
        var b = bindings.filter(function (x) { return x.partner === listQuery.partner; })[0];
        stateCell = b ? stateBadge(b.state) : '—';
        itemIdCell = b && b.partnerItemId ? String(b.partnerItemId) : '—';
        reasonCell = b && b.reason ? String(b.reason) : reasonCell;
      } else {
        stateCell = el('div', { className: 'badges' }, bindings.map(function (x) {
          var badge = stateBadge(x.state);
          badge.title = x.partner + ': ' + x.state;
          clear(badge);
          append(badge, String(x.partner));
          return badge;
        }));
      }
      body.appendChild(el('tr', null,
        el('td', null, el('button', {
          type: 'button', className: 'link mono', title: 'Tra cứu / look up',
          onclick: function () { lookUpAndShow(item.ocopId); }
        }, String(item.ocopId))),
        el('td', null, nameOf(item), item.withdrawn ? el('span', { className: 'en' }, ' (đã gỡ / withdrawn)') : null),
        el('td', { className: 'num' }, stars(item.stars)),
        el('td', { className: 'num' }, 'v' + formatNumber(item.version) + ' / ' + formatNumber(item.revision)),
        el('td', null, stateCell),
        el('td', { className: 'mono' }, itemIdCell),
        el('td', { className: 'reason' }, reasonCell)));
    });
    var pageInfo = clear($('list-page'));
    append(pageInfo, bilingual('Trang ' + (page + 1) + ' · ' + items.length + ' sản phẩm',
      'Page ' + (page + 1) + ', ' + items.length + ' listings (' + (answer.size || 100) + ' per page)'));
    $('list-prev').disabled = page <= 0;
    $('list-next').disabled = answer.next === undefined || answer.next === null;
    listQuery.next = answer.next;
  }

  function lookUpAndShow(ocopId) {
    lookUp(ocopId);
    $('lookup-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ---------------------------------------------------------------- (d) dead letters

  function openDeadLetters(partner) {
    ensureOption($('dlq-partner'), partner);
    loadDeadLetters();
    $('dlq-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function loadDeadLetters() {
    var partner = $('dlq-partner').value;
    var slot = $('dlq-error');
    clear(slot);
    if (!partner) {
      showProblem(slot, new ApiError(400, { title: 'Chưa chọn đối tác', detail: 'Choose an enabled partner.' }));
      return Promise.resolve();
    }
    return api('GET', '/api/v1/dead-letters', { partner: partner }).then(function (answer) {
      renderDeadLetters(partner, answer && Array.isArray(answer.items) ? answer.items : []);
    }, function (error) {
      clear($('dlq-body'));
      showProblem(slot, error);
    });
  }

  function prettyBody(text) {
    if (!text) {
      return '';
    }
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch (e) {
      return String(text);
    }
  }

  function renderDeadLetters(partner, items) {
    var body = clear($('dlq-body'));
    if (!items.length) {
      body.appendChild(emptyRow(6, 'Không có thư lỗi nào', 'No dead letters'));
    }
    items.forEach(function (letter) {
      var replay = el('button', {
        type: 'button', className: 'danger',
        title: 'Gửi lại thông điệp này tới ' + partner + ' / send this message back to ' + partner
      }, bilingual('Gửi lại', 'Replay'));
      replay.addEventListener('click', function () {
        replayDeadLetter(partner, letter, replay);
      });
      body.appendChild(el('tr', null,
        el('td', null, letter.ocopId
          ? el('button', {
            type: 'button', className: 'link mono',
            onclick: function () { lookUpAndShow(letter.ocopId); }
          }, String(letter.ocopId))
          : '—'),
        el('td', { className: 'mono' }, String(letter.eventId || '—'),
          el('div', { className: 'muted', title: 'JMS message id' }, String(letter.id || ''))),
        el('td', { className: 'reason' }, String(letter.reason || '')),
        el('td', null, formatTime(letter.failedAt)),
        el('td', null, letter.body
          ? el('details', null, el('summary', null, bilingual('Xem', 'Show')), el('pre', null, prettyBody(letter.body)))
          : '—'),
        el('td', null, replay)));
    });
  }

  function replayDeadLetter(partner, letter, button) {
    var what = (letter.ocopId || letter.id) + ' → ' + partner;
    if (!window.confirm('Gửi lại thông điệp ' + what + '?\nReplay this message?')) {
      return;
    }
    button.disabled = true;
    var message = $('dlq-message');
    message.hidden = true;
    clear($('dlq-error'));
    api('POST', '/api/v1/dead-letters/' + encodeURIComponent(letter.id) + '/replay', { partner: partner })
      .then(function (replayed) {
        clear(message);
        append(message, bilingual('Đã gửi lại ' + ((replayed && replayed.ocopId) || letter.ocopId || letter.id)
          + ' tới ' + partner + '.', 'Replayed.'));
        message.hidden = false;
        loadPartners();
        return loadDeadLetters();
      }, function (error) {
        button.disabled = false;
        showProblem($('dlq-error'), error);
      });
  }

  // ---------------------------------------------------------------- wiring

  function onSubmit(id, handler) {
    $(id).addEventListener('submit', function (event) {
      event.preventDefault();
      handler();
    });
  }

  function start() {
    var stateSelect = $('list-state');
    STATES.forEach(function (state) {
      stateSelect.appendChild(el('option', { value: state }, STATE_LABELS[state][0] + ' (' + state + ')'));
    });
    syncStateSelect();
    $('list-partner').addEventListener('change', syncStateSelect);

    onSubmit('token-form', function () {
      var input = $('token-input');
      var token = input.value.trim();
      input.value = '';
      if (token) {
        setToken(token);
        loadPartners();
      } else {
        showTokenState();
      }
    });
    $('token-clear').addEventListener('click', function () {
      $('token-input').value = '';
      setToken('');
    });
    $('partners-refresh').addEventListener('click', function () {
      if (!getToken()) {
        showProblem($('partners-error'), new ApiError(401, null, 'Paste a bearer token above first.'));
        return;
      }
      loadPartners();
    });
    onSubmit('lookup-form', function () {
      lookUp($('lookup-id').value);
    });
    onSubmit('list-form', function () {
      listQuery = { partner: $('list-partner').value, state: $('list-state').value, page: 0 };
      loadList();
    });
    $('list-prev').addEventListener('click', function () {
      if (listQuery.page > 0) {
        listQuery.page -= 1;
        loadList();
      }
    });
    $('list-next').addEventListener('click', function () {
      if (listQuery.next !== undefined && listQuery.next !== null) {
        listQuery.page = listQuery.next;
        loadList();
      }
    });
    onSubmit('dlq-form', loadDeadLetters);

    showTokenState();
    loadPartners();
    window.setInterval(function () {
      if ($('partners-auto').checked && !document.hidden) {
        loadPartners();
      }
    }, REFRESH_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
