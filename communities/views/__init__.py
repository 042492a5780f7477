"""Public pages of the communities, one module per concern:

- ``browse``: community list and landing page, thread page, people
- ``posting``: new thread, reply, edit
- ``moderation``: pin/lock/move, hide, flag, the moderation queue, edit history
- ``membership``: join, leave, follow, invitations, join requests, suspensions
- ``inbox``: in-app notifications and the unsubscribe link
- ``files``: attachments, served through a permission check
- ``discuss``: "Discuss this resource"

``guards`` loads what a URL names and asks communities.permissions; no view decides a
permission itself.
"""
