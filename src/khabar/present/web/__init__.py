"""The web app: server-rendered pages and a JSON API over a Khabar database.

Importing this package is cheap (no FastAPI); :func:`khabar.present.web.app.create_app`
builds the application, :mod:`khabar.present.web.views` the page data it shares with
the static report.
"""
