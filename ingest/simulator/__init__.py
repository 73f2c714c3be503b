"""Portal simulator: a local HTTP server serving a bundled snapshot of commune portal sites."""

from ingest.simulator.exchange import RequestRecord
from ingest.simulator.faults import FAULT_KINDS, Fault, FaultPlan, Responder
from ingest.simulator.model import SimArticle, SimCategory, SimSite
from ingest.simulator.routes import render_article, render_listing
from ingest.simulator.server import PortalSimulator
from ingest.simulator.snapshot import load_sites

__all__ = [
    "FAULT_KINDS",
    "Fault",
    "FaultPlan",
    "PortalSimulator",
    "RequestRecord",
    "Responder",
    "SimArticle",
    "SimCategory",
    "SimSite",
    "load_sites",
    "render_article",
    "render_listing",
]
