"""A meeting in progress: the session, its actions, the speaker queue, share timer and agenda."""
