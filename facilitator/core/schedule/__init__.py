"""When and what the group meets: the meeting's definition, its weekly schedule, Meeting Guide."""
