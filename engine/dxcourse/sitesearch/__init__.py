"""Site search built at build time: normalised text, sections split at h2/h3, a JS index file.

The browser side is assets/search.js. Both sides normalise text the same way; the cases
in tests/search_normalize_cases.yml are run through each.
"""
