// `import Gen` is all a host needs: the engine and every type its capabilities are made of (values, signatures,
// arms, router policies, quality checks, the run's records).
@_exported import GenCore
@_exported import GenEngine
@_exported import GenGeneration
@_exported import GenPipeline
@_exported import GenProviders
@_exported import GenReport
@_exported import GenRouter
@_exported import GenRun
@_exported import GenRuntime
@_exported import GenSemantics
@_exported import GenStore
