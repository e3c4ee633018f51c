"""HTTP routes of this domain (mounted by main.py)."""

from fastapi import APIRouter

router = APIRouter()
