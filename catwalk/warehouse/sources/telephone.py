"""Telephone (Segment source telephone_master): the phone calls the care team places.

Segment: telephone_master.call_started, telephone_master.call_ended (a few calls never end).
Observes the care journey (catwalk.warehouse.episodes); draws nothing.
"""

from __future__ import annotations

from catwalk.warehouse.world import RawTable, WorldState


def simulate(world: WorldState) -> dict[str, RawTable]:
    c, ev = world.episodes.calls, world.events
    ended = c["ended"]
    ev.add("telephone_master.call_started", c["t"], c["user"], call_id=c["id"],
           episode_id=c["episode"])
    ev.add("telephone_master.call_ended", (c["t"] + c["length"])[ended], c["user"][ended],
           call_id=c["id"][ended], episode_id=c["episode"][ended])
    return {name: ev.build(name) for name in ("telephone_master.call_started",
                                              "telephone_master.call_ended")}
