"""Survey results on a journey: reading a CSV or XLSX export (`read`), matching its rows to touchpoints and phases
(`match`), the figures per touchpoint and phase with their targets (`metrics`), and the command line's
`import-survey`, `metrics` and `target` (`commands`). Qt-free; the library stores responses and targets
(`cjmapper.store.survey_edits`)."""
