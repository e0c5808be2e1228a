package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** Fills listing.gtin14 and listing.sku (added by V3) from each stored payload; SQL cannot read the JSON portably. */
public class V4__listing_lookup_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Statement select = context.getConnection().createStatement();
             ResultSet rs = select.executeQuery("select ocop_id, payload from listing where sku is null");
             PreparedStatement update = context.getConnection()
                     .prepareStatement("update listing set gtin14 = ?, sku = ? where ocop_id = ?")) {
            int pending = 0;
            while (rs.next()) {
                JsonNode payload = json.readTree(rs.getString(2));
                JsonNode gtin = payload.get("gtin");
                String digits = gtin == null || gtin.asText().isBlank() ? null : gtin.asText();
                update.setString(1, digits == null ? null : "0".repeat(Math.max(0, 14 - digits.length())) + digits);
                update.setString(2, payload.path("sku").asText());
                update.setString(3, rs.getString(1));
                update.addBatch();
                if (++pending % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }
}
