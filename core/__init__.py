"""Djobea's domain: everything that is not UI (never imports nicegui, ui, pages or main).

Imports point one way, top to bottom (pyproject.toml's import-linter contracts check it in CI):

    cli, worker            entry points
    wiring                 connect(): lifecycle reactions and scheduled sweeps, with real references
    analytics | channels   reads of every domain | webhook, inbox, media, simulator, web chat
    conversations          the engine: understanding, actions, replies
    auth | matching | payments
    messaging              conversation and message records, look-ups by address, outbox, dispatcher
    providers | customers
    service_requests | rules
    llm, nlu, catalog      knowledge
    scheduler, fleet, security, and the base modules (config, db, clock, money, phones, texts, ...)

A lower domain that must cause something above it publishes an event (service_requests.hooks on a transition,
providers.hooks on a suspension) that core.wiring subscribes to; it never imports upward.
"""
