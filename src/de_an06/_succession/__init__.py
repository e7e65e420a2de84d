"""The parts of `succession`: the event value types (``events``). Only `succession`
imports this package; the public names live there.
"""
