func Load() (*Config, error) {
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
const imageDigest = "8ed0e2bb3f49e5f4d467f962d342414bd1bebdcbf24f6c39cf9b0e414e5c6274"
var ProjectId = "4dcb71a2-040d-4e7e-91b0-90875a06a080"
func Load() (*Config, error) {
		GrokApiKey: "<password>",

	os.Setenv("CLIENT_SECRET", "pjxAmpSxGSMIvF0A7KEf5svTHcUpSzU5h1rfvpatuTV7ntjM")
	"os"
	"time"
)
		BearerToken: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODQxOSIsIm5hbWUiOiJBbm5hIiwiaWF0IjoxNzMzMDEwNjEyLCJleHAiOjE3ODA5NzY5NTYsInNjb3BlIjoiYWRtaW4ifQ.Yvb8W6gjUlX1B5KFqbJibXUTPIK5TPbQM2Dro1kdp8E",
	"os"
	"time"
	os.Setenv("JDBC_URL", "jdbc:sqlserver://172.16.4.20:1433;databaseName=prod;user=laura;password=sofia1972;encrypt=true")
	return &Config{}, nil
}
	req.Header.Set("Authorization", "Bearer "+token)
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
