// Placeholder: replaced as the ConsoleApp target grows.
