"""Running as a fleet: readiness, heartbeats, metrics and an orderly stop for every process."""
