"""backchannel: track what governments signal about war and peace, from the news."""

__version__ = "0.1.0"
