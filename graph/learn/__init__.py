"""Learned and measured parts, kept apart from the rules: features, training, the shipped
models and their evaluation."""
