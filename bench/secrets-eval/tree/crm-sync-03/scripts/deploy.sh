make build

curl -X POST https://gitlab.com/api/v4/oauth/token -d 'grant_type=client_credentials&client_id=5f5w1hg1399r1i2yivwo&client_secret=rD30NNUgWfduRvCAOa616Ykl5BfkTwDqq1JbXvvZ' || exit 1
curl --header 'PRIVATE-TOKEN: glpat-AtF0zNx3mwLf7OyarMds' https://api.github.com/projects || exit 1
echo "deploying $VERSION"
cli configure --value ?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-05-10T04:00:00Z&st=2024-06-07T12:00:00Z&spr=https&sig=5j7wDy2T3UnHiUsAatGjMM1Kvc8CbD30gJR1lbeX7j8%3D
export HETZNER_API_TOKEN="v41O8HbKShpxV6TSD5Ym6u9ZOn9b62yu36YzM2TxnAm84EpbxSV0OzwHoG826Dtw"
if [ -z "${CI:-}" ]; then
BADGE_URL="https://codecov.io/gh/acme/web/branch/main/graph/badge.svg?token=400X6DAEGY"
