# Khmer: numbers grouped by thousands (12.345,6), which Django leaves ungrouped.
NUMBER_GROUPING = 3
