/// A t.me/s/<channel> web preview page as its markup says it, before it becomes a feed.
/// Posts are in page order, which is oldest first.
struct TelegramPage {
    var channelTitle: String?
    /// The channel's user name, without "@".
    var username: String?
    /// The channel description, as message-style HTML.
    var descriptionHTML: String?
    /// False when the page has no `tgme_channel_history` section: the preview is disabled
    /// (or the channel does not exist) and the page is Telegram's "open in app" page.
    var hasHistory = false
    /// The id to ask for older posts with (`?before=`), from the page's own paging links.
    var olderPageBefore: Int?
    var posts: [TelegramPost] = []
}

/// One message of the channel history.
struct TelegramPost {
    /// From `data-post`: "channel/123".
    var channel: String
    var number: Int
    var permalink: String?
    /// `time[datetime]` as written.
    var datetime: String?
    /// Pins, "channel created", photo changes: not articles.
    var isService = false
    /// The signature of a signed post.
    var signedAuthor: String?
    var edited = false
    var views: Int?
    var forwardedFrom: TelegramLink?
    /// The post this one answers (its link and author; the quoted snippet is not kept).
    var replyTo: TelegramLink?
    /// The message text as HTML, emoji as characters and links repaired; nil when the post has no text.
    var textHTML: String?
    var hashtags: [String] = []
    var linkPreview: TelegramLinkPreview?
    var media: [TelegramMedia] = []
    var poll: TelegramPoll?

    var id: String { "\(channel)/\(number)" }
}

/// A name with an optional link (the forwarded-from channel, the author replied to).
struct TelegramLink {
    var name: String?
    var url: String?
}

struct TelegramLinkPreview {
    var url: String
    var siteName: String?
    var title: String?
    var description: String?
    var imageURL: String?
}

struct TelegramPoll {
    var question: String
    var kind: String?
    var options: [String]
}

/// A media block of a post. URLs of files on Telegram's CDN are signed and expire: the
/// post's permalink is what stays valid.
enum TelegramMedia {
    case photo(url: String)
    case video(url: String?, thumbnail: String?, duration: String?, isGIF: Bool)
    case roundVideo(url: String?, thumbnail: String?)
    case voice(url: String?, duration: String?)
    case document(title: String?, extra: String?, isAudio: Bool)
    case sticker(imageURL: String?)
    case location(url: String?)
    /// Media the web preview cannot show ("view in Telegram").
    case unsupported
}
