// Placeholder: replaced as the Analytics target grows.
