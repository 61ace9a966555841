-- score_bands.csv: the overall rating that each band of the score out of 36 gives (HMIP's methodology).
-- params:
-- column rating: the overall rating
-- column min_score: the lowest score in the band
-- column max_score: the highest score in the band
SELECT rating, min_score, max_score
FROM score_bands
ORDER BY min_score
