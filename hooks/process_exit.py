"""The end of a command: the objects a build made are left to the operating system.

Python would otherwise free them one by one as the process exits, after the site is written
(gppkit.collector.leave_to_process_exit says how long that took).
"""

from mkdocs.plugins import event_priority

from gppkit.collector import leave_to_process_exit


@event_priority(-1000)  # after every other hook's on_shutdown (parallel_build's unfreezes the data)
def on_shutdown() -> None:
    leave_to_process_exit()
