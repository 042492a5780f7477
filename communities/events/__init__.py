"""Events: registration with capacity and a waiting list, reminders, iCalendar feeds, the API."""
