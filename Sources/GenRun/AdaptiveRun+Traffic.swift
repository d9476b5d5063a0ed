import GenCore
import GenStore

extension AdaptiveRun {
    /// Each model server's traffic since the store last took it, and the counts as they are now (what the store
    /// holds once the changes are written). Counts start at zero in each process, so a resumed run adds its own.
    func trafficChanges() async -> (changes: [EndpointTraffic], now: [String: EndpointTraffic]) {
        var changes: [EndpointTraffic] = []
        var now: [String: EndpointTraffic] = [:]
        for model in trafficSources.keys.sorted() {
            guard let source = trafficSources[model] else { continue }
            for var traffic in await source.traffic() {
                traffic.model = model
                let key = model + "\n" + traffic.endpoint
                now[key] = traffic
                let change = traffic.since(trafficWritten[key])
                if !change.isEmpty { changes.append(change) }
            }
        }
        return (changes, now)
    }
}
