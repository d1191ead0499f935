import Foundation

extension ConfigLoader {
    /// What `visnyk check` verifies of the digests and [mail] on this machine, now: the
    /// templates can be read and compile (the subject's too), the password and CA files (the
    /// feeds' `ca_file` too) and the sendmail program exist.
    /// (The password file is not required to be readable by whoever runs the check: it is
    /// often readable only by the daemon's user.)
    static func mailFileProblems(_ config: VisnykConfig, file: String, keyLines: TOMLKeyLines) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func add(_ path: [TOMLPathComponent], _ message: String?) {
            guard let message else { return }
            problems.append(ConfigProblem(
                file: file, line: keyLines.line(of: path), key: ConfigReader.displayKey(path), message: message))
        }
        if let caFile = config.caFile {
            add([.key("ca_file")], fileProblem(caFile, readable: true))
        }
        // The file loaded, so every [[digest]] became a DigestConfig, in order.
        for (index, digest) in config.digests.enumerated() {
            let at: [TOMLPathComponent] = [.key("digest"), .index(index)]
            if let template = digest.htmlTemplate {
                add(at + [.key("html_template")], fileProblem(template, readable: true))
            }
            if let template = digest.textTemplate {
                add(at + [.key("text_template")], fileProblem(template, readable: true))
            }
            do {
                _ = try DigestRenderer(digest)
            } catch {
                // A file problem is reported above already; the renderer names syntax errors.
                if error.kind == .syntax || error.kind == .emptySubject {
                    add(at + [.key(templateKey(of: digest, renderProblem: error))], error.description)
                }
            }
        }
        if let mail = config.mail {
            let at: [TOMLPathComponent] = [.key("mail")]
            if let passwordFile = mail.passwordFile {
                add(at + [.key("password_file")], fileProblem(passwordFile, readable: false))
            }
            if let caFile = mail.caFile {
                add(at + [.key("ca_file")], fileProblem(caFile, readable: true))
            }
            if mail.transport == .sendmail {
                let message = fileProblem(mail.sendmail, readable: false)
                    ?? (FileManager.default.isExecutableFile(atPath: mail.sendmail) ? nil : "\(mail.sendmail) is not executable: name the sendmail program (install a mail transfer agent, or use transport = \"smtp\")")
                // Without a sendmail key, the line found is the [mail] header's.
                add(at + [.key("sendmail")], message)
            }
        }
        return problems
    }

    /// The key of the template a render error is about: subject, html_template or text_template.
    private static func templateKey(of digest: DigestConfig, renderProblem: DigestRenderError?) -> String {
        guard let template = renderProblem?.template else { return "subject" }
        if template == digest.htmlTemplate { return "html_template" }
        if template == digest.textTemplate { return "text_template" }
        return "subject"
    }

    private static func fileProblem(_ path: String, readable: Bool) -> String? {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "\(path) does not exist: fix the path (relative paths are relative to this config file)"
        } else if isDirectory.boolValue {
            return "\(path) is a directory: name a file"
        } else if readable, !FileManager.default.isReadableFile(atPath: path) {
            return "\(path) cannot be read: check its permissions"
        }
        return nil
    }
}
