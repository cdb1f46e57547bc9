// Placeholder for shared test helpers.
