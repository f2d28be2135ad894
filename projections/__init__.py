"""Folds over the event log: positions, the balance audit, replay and as-of snapshots."""
