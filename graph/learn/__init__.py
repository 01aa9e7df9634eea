"""Learned parts of newsgraph: features, training, the shipped models and their evaluation."""
