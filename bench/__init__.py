"""The benchmark harness: a generated corpus built by the stock stack and by Chancery."""
