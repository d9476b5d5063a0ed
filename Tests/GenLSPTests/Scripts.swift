/// Scripts the tests open. `good` passes `gen check`; its lines are referred to by number (0-based) in tests.
enum Scripts {
    static let good = """
        gen 0.1

        import "std/arms"

        /// How long a message may be.
        let max_len = 240

        model local = openai(base_url: "http://127.0.0.1:8080/v1", model: "m")

        schema Intent {
          text: string(min: 12, max: max_len)
          label: enum("a", "b")
        }

        spec intents {
          domain: "Bank chat"
          output: Intent
          count: 10
        }

        arm steady = balanced(local)
        arm bold = naive(local, temperature: 1.1)

        router epsilon_greedy(epsilon: 0.1)

        quality {
          rule "short" len(sample.text) < max_len
        }

        reward = passed * quality

        """

    /// `good` with a misspelt parameter on line 21 (0-based).
    static let misspelt = good.replacingOccurrences(of: "temperature: 1.1", with: "temprature: 1.1")
}
