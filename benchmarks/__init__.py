"""cjmapper's speed targets, measured as ratios against the bare libraries in the same run."""
