"""Tests of backchannel.cluster and store/clusters.py."""
