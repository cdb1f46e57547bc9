// Placeholder: replaced as the NcursesBackend target grows.
