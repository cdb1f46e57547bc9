// Placeholder: replaced as the SampleProvince target grows.
