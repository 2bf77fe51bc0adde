"""The phone page: participants answer from their own phones' browsers (DESIGN.md, Phones).

An aiohttp server on the live workshop's own asyncio loop, Jinja2 templates, a join code and a QR
code. No Textual here. Nothing is imported by this package itself: the console imports
:mod:`bootcamp.join.server` (which imports aiohttp) only when joining starts, so start-up does not
pay for it; :mod:`bootcamp.join.addresses` and :mod:`bootcamp.join.qr` are small and import no server.
"""
