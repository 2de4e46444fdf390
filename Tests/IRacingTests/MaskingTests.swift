import Foundation
import IRacing
import Testing

/// iRacing's published masking vectors (iracing-data.md §4.2), verbatim.
@Suite struct MaskingTests {
    @Test(arguments: [
        ("MyPassWord", "CLunky@iracing.Com", "xGKecAR27ALXNuMLsGaG0v5Q9pSs2tZTZRKNgmHMg+Q="),
        ("SuperSecure123", "john.smith@iracing.com", "3NkLTzZtITXmFo7HHDwbGEnZox4VfwLMHHaNZzdNuE4="),
        ("SuperSecretPassword", "test.user@example.com", "nXmEFCdpHheD1R3XBVkm6VQavR7ZLbW7SRmzo/MfFso="),
    ])
    func maskingMatchesThePublishedVectors(secret: String, identifier: String, expected: String) {
        #expect(SecretMasking.mask(secret, identifier: identifier) == expected)
    }

    @Test func theIdentifierIsLowercasedAndTrimmed() {
        #expect(
            SecretMasking.mask("MyPassWord", identifier: "  clunky@IRACING.com ")
                == "xGKecAR27ALXNuMLsGaG0v5Q9pSs2tZTZRKNgmHMg+Q=")
    }

    @Test func credentialsPrintWithoutSecrets() {
        let credentials = IRacingCredentials(
            clientID: "client", clientSecret: "s3cr3t-value", username: "me@example.com", password: "hunter2-pass")
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped(credentials)] {
            #expect(!text.contains("s3cr3t-value"))
            #expect(!text.contains("hunter2-pass"))
        }
    }

    @Test func credentialsComeFromTheSecretsFileAndTheEnvironmentWins() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString).env")
        try """
            # iRacing
            IRACING_CLIENT_ID=from-file
            IRACING_CLIENT_SECRET="quoted secret"
            IRACING_USERNAME = user@example.com
            IRACING_PASSWORD=file-password
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let credentials = try IRacingCredentials.load(environment: ["IRACING_PASSWORD": "env-password"], secretsFile: file.path)
        #expect(credentials.clientID == "from-file")
        #expect(credentials.clientSecret == "quoted secret")
        #expect(credentials.username == "user@example.com")
        #expect(credentials.password == "env-password")
    }

    @Test func aMissingCredentialIsNamedButNoValueIsShown() {
        #expect {
            _ = try IRacingCredentials.load(environment: ["IRACING_CLIENT_ID": "id", "IRACING_PASSWORD": "pw-value"], secretsFile: nil)
        } throws: { error in
            let text = String(describing: error)
            return (error as? IRacingError)?.code == "missing_credentials" && text.contains("IRACING_CLIENT_SECRET")
                && !text.contains("pw-value")
        }
    }

    @Test func timesAreTenThousandthsOfASecondAndNegativeMeansNone() throws {
        let decoded = try JSONDecoder().decode([IRacingDuration].self, from: Data("[1055325, -1, 0]".utf8))
        #expect(decoded.map(\.seconds) == [105.5325, nil, 0])
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
