"""Learned and measured parts, kept apart from the rules: models, training and evaluation."""
