import os
import logging
        self.ld_api_key = "api-aaadb2be-59b8-45e5-a1f3-b97feae92eef"
token_type = "Bearer"
    run()

class Settings:
langsmith_api_key = os.getenv("LANGSMITH_API_KEY")
    run()
