"""Survey results on a journey: reading a CSV or XLSX export (`read`), matching its rows to touchpoints and phases
(`match`), the metrics and their scales (`kinds`), the figures per touchpoint and phase with their targets
(`metrics`), the heat view's colours and words (`heat`), and the command line's `import-survey`, `metrics` and
`target` with the CSV export's and the poster's survey parts (`commands`). Qt-free; the library stores responses and
targets (`cjmapper.store.survey_edits`)."""
