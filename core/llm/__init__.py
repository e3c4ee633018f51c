"""Multi-LLM orchestrator: Claude, Gemini and OpenAI behind one interface."""
