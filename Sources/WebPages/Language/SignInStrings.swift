/// The words of signing in and out (Discord, sign-out everywhere), one instance per language.
/// Kept apart from `WebStrings` so the sign-in pages' wording lives in one place.
public struct SignInStrings: Sendable {
    var withDiscord: String
    var linkDiscord: String
    var signOutEverywhere: String
    var deniedTitle: String, deniedMessage: String
    var failedTitle: String, failedMessage: String
    var notLinkedTitle: String, notLinkedMessage: String
    var ambiguousTitle: String, ambiguousMessage: String
    var linkedElsewhereTitle: String, linkedElsewhereMessage: String
    var linkedTitle: String, linkedMessage: String
    var notStartedTitle: String, notStartedMessage: String
    var refusedTitle: String, refusedMessage: String
    var unavailableTitle: String, unavailableMessage: String
    var signedOutEverywhereTitle: String, signedOutEverywhereMessage: String

    static func of(_ language: WebLanguage) -> SignInStrings { language == .english ? .english : .turkish }

    static let english = SignInStrings(
        withDiscord: "Sign in with Discord", linkDiscord: "Link Discord", signOutEverywhere: "Sign out everywhere",
        deniedTitle: "Sign-in cancelled", deniedMessage: "Discord did not share your account, so you are not signed in.",
        failedTitle: "Discord did not confirm the sign-in",
        failedMessage: "Discord refused or did not answer; start again. If it keeps failing, sign in with a login link.",
        notLinkedTitle: "This Discord account is not linked",
        notLinkedMessage: "Sign in once with a login link (trailbrake login-link), then choose Link Discord on any page; or enter your /coach link code in Discord first.",
        ambiguousTitle: "This Discord account coaches several drivers",
        ambiguousMessage: "It entered link codes for more than one driver. Sign in with the driver's login link and choose Link Discord.",
        linkedElsewhereTitle: "This Discord account belongs to another driver",
        linkedElsewhereMessage: "It signs in as another driver already; nothing was changed.",
        linkedTitle: "Discord linked", linkedMessage: "From now on Sign in with Discord signs you in as this driver.",
        notStartedTitle: "This sign-in has expired",
        notStartedMessage: "It was not started in this browser, was used already or took too long. Start again.",
        refusedTitle: "Refused", refusedMessage: "This form did not come from this server's pages.",
        unavailableTitle: "Sign in with Discord is off", unavailableMessage: "This server has no Discord application set up.",
        signedOutEverywhereTitle: "Signed out everywhere",
        signedOutEverywhereMessage: "Every browser signed in as you is signed out, and their listen pages are closed.")

    static let turkish = SignInStrings(
        withDiscord: "Discord ile giriş yap", linkDiscord: "Discord hesabını bağla", signOutEverywhere: "Her yerde çıkış yap",
        deniedTitle: "Giriş iptal edildi", deniedMessage: "Discord hesabınızı paylaşmadı, bu yüzden giriş yapılmadı.",
        failedTitle: "Discord girişi onaylamadı",
        failedMessage: "Discord reddetti ya da yanıt vermedi; yeniden başlayın. Sürerse bir giriş bağlantısıyla girin.",
        notLinkedTitle: "Bu Discord hesabı bağlı değil",
        notLinkedMessage: "Bir kez giriş bağlantısıyla (trailbrake login-link) girin, sonra herhangi bir sayfada Discord hesabını bağla seçeneğini kullanın; ya da önce Discord'da /coach link kodunuzu girin.",
        ambiguousTitle: "Bu Discord hesabı birden çok sürücüye bağlı",
        ambiguousMessage: "Birden çok sürücünün bağlantı kodunu girdi. Sürücünün giriş bağlantısıyla girip Discord hesabını bağla seçeneğini kullanın.",
        linkedElsewhereTitle: "Bu Discord hesabı başka bir sürücüye ait",
        linkedElsewhereMessage: "Zaten başka bir sürücü olarak giriş yapıyor; hiçbir şey değişmedi.",
        linkedTitle: "Discord bağlandı", linkedMessage: "Artık Discord ile giriş sizi bu sürücü olarak içeri alır.",
        notStartedTitle: "Bu girişin süresi doldu",
        notStartedMessage: "Bu tarayıcıda başlatılmadı, zaten kullanıldı ya da çok uzun sürdü. Yeniden başlayın.",
        refusedTitle: "Reddedildi", refusedMessage: "Bu form bu sunucunun sayfalarından gelmedi.",
        unavailableTitle: "Discord ile giriş kapalı", unavailableMessage: "Bu sunucuda bir Discord uygulaması ayarlanmamış.",
        signedOutEverywhereTitle: "Her yerde çıkış yapıldı",
        signedOutEverywhereMessage: "Sizin adınıza giriş yapmış tüm tarayıcılardan çıkış yapıldı ve dinleme sayfaları kapatıldı.")
}
