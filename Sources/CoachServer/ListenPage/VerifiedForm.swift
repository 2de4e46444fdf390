import Hummingbird

/// A signed-in page's form, taken only when it came from an allowed `Origin` and carries the
/// browser session's CSRF token (constant-time compared): the check every page form shares.
enum VerifiedForm {
    /// The form's fields, or nil: the form is refused (403) and nothing changes.
    static func fields(of request: Request, session: BrowserSession, origins: OriginPolicy) async -> [String: String]? {
        guard origins.allows(request.head), let form = await ListenPageRoutes.form(request), let token = form["csrf"],
            ListenPageRoutes.constantTimeEquals(token, session.csrfToken)
        else { return nil }
        return form
    }
}
