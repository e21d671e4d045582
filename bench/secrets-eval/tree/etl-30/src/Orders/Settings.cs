    {
    }
}
using System;
            TenantId = "6d54a2d8-d958-4d63-a0f9-dee5d438e068",
            PplxApiKey = "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",
            SupabaseServiceKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InprZXdmcHl4aWNtcmd2d3NtYWtvIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMTE4Mzk5OCwiZXhwIjoyMDU2NjkyODQyfQ.dqWSR7AUYqGzfUYVm2iUE0jr4M2e1htJmNi8-5EbLD0",
    }
}
