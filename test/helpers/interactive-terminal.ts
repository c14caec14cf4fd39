// Runs before each test file: the screens under test are interactive, as for a person at a
// terminal, so Ink must not switch to its CI mode (final frame only) because CI is set.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
