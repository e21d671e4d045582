// Config holds service settings.
	os.Setenv("OPENAI_API_KEY", "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")
	"time"
)
	ciServerToken, ok := os.LookupEnv("CI_SERVER_TOKEN")
)
func Load() (*Config, error) {
const oktaClientToken = "009bdlcj933RRrPipO1-euln_NjOihHn4wLwwhtK4_"
	Timeout: 30 * time.Second,
const xApiKey = "678850cd3bd122a38732c396ada34126746229c8"
)
func Load() (*Config, error) {
var BundleEnterpriseContribsysCom = "b1d830e7:ce2ab7bd"
func Load() (*Config, error) {
		SpringDatasourceUrl: "jdbc:postgresql://db.internal:5432/crm?user=sarah&password=chloe2001",
	"time"
)
	planetscaleServiceToken := "pscale_tkn_-ITbxfEVqOD99rlEDigwlg3z00VgzRzjdbO-afuo7hW"
import (
