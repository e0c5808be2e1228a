package vn.ocop.hub.fakes.lazada;

/** Thrown inside the fake's handlers to stop at the first check that fails, with Lazada's answer. */
final class FakeLazadaRefusal extends RuntimeException {

    private final transient FakeLazadaAnswer answer;

    FakeLazadaRefusal(FakeLazadaAnswer answer) {
        super(answer.code(), null, false, false);
        this.answer = answer;
    }

    static FakeLazadaRefusal isv(String code, String message) {
        return new FakeLazadaRefusal(FakeLazadaAnswer.isv(code, message));
    }

    static FakeLazadaRefusal missing(String parameter) {
        return isv("MissingParameter", "The input parameter “" + parameter
                + "” that is mandatory for processing this request is not supplied");
    }

    /** E001, Lazada's "Parameter %s is mandatory" for fields inside a payload. */
    static FakeLazadaRefusal mandatory(String field) {
        return isv("1", "E001: Parameter " + field + " is mandatory");
    }

    FakeLazadaAnswer answer() {
        return answer;
    }
}
