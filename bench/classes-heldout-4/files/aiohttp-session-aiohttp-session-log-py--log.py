import logging

log = logging.getLogger(__package__)
