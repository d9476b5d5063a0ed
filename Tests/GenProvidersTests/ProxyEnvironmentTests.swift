import Foundation
import Testing
@testable import GenProviders

/// Which `http://` requests a proxy in the environment takes (those go over URLSession, whose libcurl speaks to it).
@Suite struct ProxyEnvironmentTests {
    private func proxied(_ url: String, _ environment: [String: String]) -> Bool {
        ProxyEnvironment(environment).proxies(URL(string: url)!)
    }

    @Test func noProxyVariableMeansStraightToTheServer() {
        #expect(!proxied("http://10.1.2.3:8000/v1", [:]))
        #expect(!proxied("http://10.1.2.3:8000/v1", ["http_proxy": "  "]), "an empty variable is no proxy")
        // libcurl reads HTTP_PROXY only for other schemes ("httpoxy"), so plain HTTP goes straight there too.
        #expect(!proxied("http://10.1.2.3:8000/v1", ["HTTP_PROXY": "http://proxy:3128"]))
    }

    @Test func httpProxyOrAllProxyTakesEveryHostNoProxyDoesNotName() {
        for variable in ["http_proxy", "all_proxy", "ALL_PROXY"] {
            #expect(proxied("http://models.internal:8000/v1", [variable: "http://proxy:3128"]), "\(variable)")
        }
        #expect(proxied("http://127.0.0.1:8080/v1", ["http_proxy": "http://proxy:3128"]), "as libcurl: loopback too, unless listed")
    }

    @Test func noProxyNamesHostsDomainsAddressesAndRanges() {
        let environment = ["http_proxy": "http://user:secret@proxy:3128",
                           "no_proxy": "localhost, .corp.example,gpu-7:8000,10.0.0.0/8 ,192.168.1.5,[::1]"]
        #expect(!proxied("http://localhost:8080/v1", environment))
        #expect(!proxied("http://corp.example/v1", environment), "a leading dot still names the domain itself")
        #expect(!proxied("http://vllm.eu.corp.example:8000/v1", environment), "and its subdomains")
        #expect(proxied("http://notcorp.example/v1", environment), "a suffix match is on a dot boundary")
        #expect(!proxied("http://gpu-7:9000/v1", environment), "a port on the entry is ignored, as by libcurl")
        #expect(!proxied("http://10.200.3.4:8000/v1", environment))
        #expect(proxied("http://11.0.0.1:8000/v1", environment))
        #expect(!proxied("http://192.168.1.5/v1", environment))
        #expect(proxied("http://192.168.1.6/v1", environment))
        #expect(!proxied("http://[::1]:8080/v1", environment))
        #expect(!proxied("http://anything/v1", ["http_proxy": "http://proxy:3128", "NO_PROXY": "*"]))
    }
}
