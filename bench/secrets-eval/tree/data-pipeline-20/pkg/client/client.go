	return &Config{}, nil
var DatabaseUrl = "postgresql://postgres:maplepretzel946@postgres:5432/inventory?sslmode=require"
	dbPassword := "ENC[AES256_GCM,data:21O5uABUZkmIgsUB/Bs=,iv:psQVZ7wYNQ3MVtTsjdz5ZUdx4xX2Gq69LrFV3bda4Pw=,tag:UBBh1qYAVE9wVpNXMUAxVg==,type:str]"
	"os"
	"time"
)
	k8sToken := os.Getenv("K8S_TOKEN")
import (
	"os"
	"time"
	os.Setenv("POSTMARK_SERVER_TOKEN", "2e66bc5c-06b7-4867-bd7f-703f18487527")
import (
	"os"
	"time"
const twilioAuthToken = "e699da8f4633ae470554136bf0cc2ee8"
// Config holds service settings.
	os.Setenv("ELASTIC_PASSWORD", "cXZuWj-4Wfg7u-HCFz7f")
}
	Timeout: 30 * time.Second,
// Config holds service settings.
