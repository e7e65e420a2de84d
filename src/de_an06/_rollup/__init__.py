"""The roll-up's machinery: the hierarchy as arrays, composite keys, sums per node.

``tree`` sums each unit's counts up the tree (`rollup.roll_up` drives it); ``details``
adds, per row, the units expected, the units with data, the units meeting their target
and the means. Only `rollup` imports this package.
"""
