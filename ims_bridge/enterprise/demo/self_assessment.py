def seed(world):
    """Nothing yet."""
