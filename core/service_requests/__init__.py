"""Service requests: the lifecycle of one repair job."""
